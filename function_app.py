"""The Azure Function App: registers the blueprints, nothing else."""

import azure.durable_functions as df

from activities import BLUEPRINTS as ACTIVITY_BLUEPRINTS
from orchestrators import workflow
from triggers import BLUEPRINTS as TRIGGER_BLUEPRINTS

app = df.DFApp()
for blueprint in [workflow.bp, *ACTIVITY_BLUEPRINTS, *TRIGGER_BLUEPRINTS]:
    app.register_functions(blueprint)
