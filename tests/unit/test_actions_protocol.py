"""The two traps of a rasa-sdk 3.21 action server behind a Rasa 3.6 server (docs: leaving Python 3.10):
it answers 449 when no domain is sent, and it knows events Rasa 3.6's event schema refuses. Runs in both
runtimes; also checks that the runtime split in tests/conftest.py names only files that exist."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests import conftest

ROOT = Path(__file__).resolve().parents[2]
ACTIONS = ROOT / "bot" / "actions"

# Every event type Rasa 3.6.21 parses from an action server's reply (rasa.shared.core.events), by the
# class name rasa_sdk.events gives it. Anything newer (SessionEnded since 3.16, ...) breaks the turn.
RASA_36_EVENTS = {
    "SlotSet",
    "Restarted",
    "SessionStarted",
    "UserUtteranceReverted",
    "AllSlotsReset",
    "ReminderScheduled",
    "ReminderCancelled",
    "ActionReverted",
    "StoryExported",
    "FollowupAction",
    "ConversationPaused",
    "ConversationResumed",
    "ActionExecuted",
    "ActionExecutionRejected",
    "ActiveLoop",
    "LoopInterrupted",
    "BotUttered",
    "UserUttered",
    "EntitiesAdded",
    "Form",
    "FormValidation",
}


def test_rasa_always_sends_the_domain_to_the_action_server():
    # With enable_selective_domain Rasa 3.6 leaves the domain out; rasa-sdk 3.21 then answers 449 to every call.
    endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text(encoding="utf-8"))
    action_endpoint = endpoints["action_endpoint"]
    assert action_endpoint.get("enable_selective_domain", False) is False
    assert action_endpoint["url"].endswith("/webhook")


def test_the_actions_return_only_events_rasa_36_knows():
    from rasa_sdk import events

    sdk_events = {
        name for name in dir(events) if isinstance(getattr(events, name), type) or callable(getattr(events, name))
    }
    used = set()
    for source in ACTIONS.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        for line in re.findall(r"from rasa_sdk\.events import ([^\n(]+|\([^)]*\))", text):
            used |= {name.strip(" ()\n,") for name in line.split(",") if name.strip(" ()\n,")}
        used |= set(re.findall(r"events\.([A-Z]\w+)", text))
    used.discard("EventType")
    assert used, "the scan found no events: the import pattern no longer matches the actions' code"
    assert used <= sdk_events
    assert used - RASA_36_EVENTS == set()


def test_the_runtime_lists_name_existing_test_files():
    here = Path(conftest.__file__).parent
    listed = conftest.RASA_ONLY + conftest.APP_ONLY
    assert listed and len(listed) == len(set(listed))
    for name in listed:
        assert (here / name).is_file(), name
    assert not set(conftest.RASA_ONLY) & set(conftest.APP_ONLY)
    ignored = conftest.RASA_ONLY if conftest.RUNTIME == "app" else conftest.APP_ONLY
    assert conftest.collect_ignore == ignored


def test_every_shared_test_file_imports_nothing_of_one_runtime_at_the_top():
    # A file not in either list is collected in both runtimes: a top-level import of Rasa, python-telegram-bot
    # or spaCy would break collection in the app runtime.
    here = Path(conftest.__file__).parent
    listed = {here / name for name in conftest.RASA_ONLY + conftest.APP_ONLY}
    runtime_only = re.compile(r"^(from|import) (rasa|telegram|spacy)\b", re.MULTILINE)
    shared = [path for path in sorted((here / "unit").glob("test_*.py")) if path not in listed]
    assert shared
    offenders = [path.name for path in shared if runtime_only.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
