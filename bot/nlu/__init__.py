"""Viitta's own NLU components for Rasa: bilingual tokens and lemmas, places, roles and substances."""

# Keys under which our components leave their findings on a message / in the parse data.
LANGUAGE_KEY = "viitta_language"
PLACES_KEY = "viitta_places"
PLACE_TOKEN = "xplacex"
CRISIS_KEY = "viitta_crisis"  # bot.nlu.crisis: {"acute", "tier", "category", "language", "source", scores}
