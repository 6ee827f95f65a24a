"""HTTP and Service Bus triggers (portal, CMMS, status, feedback)."""

BLUEPRINTS: list = []
