"""What people need, without personal data: anonymous daily counters, the redacted messages the bot did not
understand, their charts, the weekly report and the Rasa event broker that counts conversations."""
