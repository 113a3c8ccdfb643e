"""The person's whole situation: evidence per field (model), one message read (reading), routing, the understood line."""
