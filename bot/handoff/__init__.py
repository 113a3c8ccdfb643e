"""Human handoff: the queue of conversations waiting for a service guide, the live relay, duty hours.

App code only (no Rasa-server imports): the action server, the input channels and the guide console
all use it, and the state lives in the app database so that no process holds it in memory.
"""
