from django.db import transaction
from django.utils import timezone

from accounts.models import User
from counsellors.models import CounsellorProfile


@transaction.atomic
def counsellor_profile_save(*, user: User, name: str, practice: str, website: str = "") -> CounsellorProfile:
    """Declare ``user`` a counsellor, or update what couples see of them. Nothing is verified."""
    profile = CounsellorProfile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        profile = CounsellorProfile(user=user)
    profile.name = name.strip()
    profile.practice = practice.strip()
    profile.website = website.strip()
    profile.updated_at = timezone.now()
    profile.full_clean()
    profile.save()
    return profile
