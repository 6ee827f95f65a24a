"""HTTP and Service Bus triggers (portal, CMMS, status, feedback): one Blueprint per module."""

from triggers import feedback, http_start, servicebus, status

BLUEPRINTS: list = [m.bp for m in (http_start, status, feedback, servicebus)]
