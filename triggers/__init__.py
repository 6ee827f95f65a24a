"""HTTP and Service Bus triggers (portal, CMMS, status, feedback): one Blueprint per module."""

from pmark3 import telemetry
from triggers import catalog, feedback, http_start, servicebus, sessions, status

# function_app.py imports this package once per worker process, before any function runs:
# the earliest point to install the Application Insights exporters (a no-op without
# APPLICATIONINSIGHTS_CONNECTION_STRING). Idempotent, so function_app.py may call it too.
telemetry.configure()

BLUEPRINTS: list = [m.bp for m in (http_start, status, feedback, sessions, catalog, servicebus)]
