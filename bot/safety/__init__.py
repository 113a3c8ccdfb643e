"""Safety nets that need neither the model nor the action server: the crisis detector, county contacts."""
