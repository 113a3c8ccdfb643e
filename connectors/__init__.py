"""How people reach Viitta: the REST channel (rest.py), the web chat widget (webchat.py + widget/) and
Telegram (telegram.py), each a thin Rasa input channel around conversation.converse. (The guide console is
its own process: console/.)"""
