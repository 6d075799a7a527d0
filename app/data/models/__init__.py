"""All models, imported here so the metadata and the sync registry see every table.

Each feature adds its own module and one import line below.
"""

from app.data.models.local import AuditEntry, OutboxChange, Setting, User  # noqa: F401
from app.data.models.place import Place  # noqa: F401
from app.data.models.child import CareArrangement, Child, ChildCategory, Guardian, Need  # noqa: F401
from app.data.models.protection import BenefitEntitlement, Case, MandatoryReport  # noqa: F401
from app.data.models.visits import Assessment, ScreeningRecord, ScreeningRound, Visit  # noqa: F401
from app.data.models.sync import Conflict, SyncRun  # noqa: F401
from app.data.models.county import CountyReportAction  # noqa: F401
from app.data.models.policy import CountyPolicyVersion  # noqa: F401
