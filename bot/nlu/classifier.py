"""Intent classifier: TF-IDF of lemmas (word 1–2-grams) and of folded characters (2–5-grams), linear SVM.

Chosen by measurement (bench/results/nlu.md): on messages written independently of the training
data it beats DIET on the same tokens, trains in seconds and needs no TensorFlow to predict.
Confidences are a softmax over the SVM's decision values, so the FallbackClassifier can use them.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text, Type

import joblib
import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

logger = logging.getLogger(__name__)
_FILE = "linear_intent_classifier.joblib"


def _views(message: Message, word_view: str) -> tuple[str, str]:
    """(words for the word n-grams, folded surface text for the character n-grams)."""
    tokens = message.get(TOKENS_NAMES[TEXT]) or []
    words = " ".join((t.lemma if word_view == "lemma" else t.text) for t in tokens)
    return words, " ".join(t.text for t in tokens)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class LinearIntentClassifier(GraphComponent, IntentClassifier):
    """See the module docstring."""

    @classmethod
    def required_components(cls) -> List[Type]:
        return [Tokenizer]

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "c": 0.5,
            "word_ngrams": [1, 2],
            "char_ngrams": [2, 5],
            "word_view": "lemma",  # lemma | surface
            # Softmax temperature turning SVM margins into confidences for the fallback threshold.
            "temperature": 4.0,
            "ranking_length": 10,
        }

    def __init__(
        self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, model: Optional[dict] = None
    ) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.model = model

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "LinearIntentClassifier":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(TEXT) and e.get(INTENT)]
        if not examples:
            return self._resource
        words, chars = zip(*(_views(e, self.config["word_view"]) for e in examples))
        word_vec = TfidfVectorizer(
            ngram_range=tuple(self.config["word_ngrams"]), sublinear_tf=True, token_pattern=r"\S+", lowercase=False
        )
        char_vec = TfidfVectorizer(
            analyzer="char_wb", ngram_range=tuple(self.config["char_ngrams"]), sublinear_tf=True, lowercase=False
        )
        features = hstack([word_vec.fit_transform(words), char_vec.fit_transform(chars)]).tocsr()
        svm = LinearSVC(C=self.config["c"], random_state=1).fit(features, [e.get(INTENT) for e in examples])
        self.model = {"words": word_vec, "chars": char_vec, "svm": svm}
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump(self.model, directory / _FILE)
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "LinearIntentClassifier":
        try:
            with model_storage.read_from(resource) as directory:
                # Our own model archive, written by train() above.
                model = joblib.load(directory / _FILE)
        except (ValueError, FileNotFoundError):
            logger.warning("No trained intent classifier found; every message gets no intent.")
            model = None
        return cls(config, model_storage, resource, model)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            # No words ("?", an emoji, an empty message): no intent, so the fallback answers.
            message.set(INTENT, {"name": None, "confidence": 0.0}, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [], add_to_output=True)
        todo = [m for m in messages if m.get(TEXT) and m.get(TOKENS_NAMES[TEXT])]
        if not todo or self.model is None:
            return messages
        words, chars = zip(*(_views(m, self.config["word_view"]) for m in todo))
        features = hstack([self.model["words"].transform(words), self.model["chars"].transform(chars)]).tocsr()
        scores = np.atleast_2d(self.model["svm"].decision_function(features)) * self.config["temperature"]
        probabilities = np.exp(scores - scores.max(axis=1, keepdims=True))
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        labels = self.model["svm"].classes_
        for message, row in zip(todo, probabilities):
            order = np.argsort(-row)[: self.config["ranking_length"]]
            ranking = [{"name": str(labels[i]), "confidence": float(row[i])} for i in order]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
