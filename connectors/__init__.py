"""How people reach Viitta. Today: Rasa's REST channel (credentials.yml). The web chat widget, the
Telegram channel and the guide console for service guides will live here, each as a thin module."""
