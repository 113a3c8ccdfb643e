"""Custom actions, one module per user goal. The action server imports every module of this package."""
