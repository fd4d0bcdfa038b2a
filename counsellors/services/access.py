from django.db import transaction

from assessments.models import Checkup
from counsellors.models import AccessLogEntry, CounsellorProfile


@transaction.atomic
def access_log_record(*, counsellor: CounsellorProfile, checkup: Checkup) -> AccessLogEntry:
    """Note that ``counsellor`` opened ``checkup``'s report, for both partners to see."""
    return AccessLogEntry.objects.create(
        couple_id=checkup.couple_id,
        checkup=checkup,
        counsellor=counsellor,
        counsellor_name=counsellor.name,
        counsellor_practice=counsellor.practice,
    )
