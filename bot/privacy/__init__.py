"""Privacy by design: redaction of personal data before anything is stored, and bounded retention."""
