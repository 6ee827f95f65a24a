"""Events out: results to the CMMS (Service Bus topic in Azure, the outbox table locally)."""
