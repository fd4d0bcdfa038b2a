import pytest

from counsellors.models import Share
from counsellors.services import share_agree, share_propose
from tests.factories import CounsellorFactory


@pytest.fixture
def counsellor(db):
    return CounsellorFactory()


@pytest.fixture
def shared_with(django_capture_on_commit_callbacks):
    """Share a couple {a, b} with ``counsellor`` through the real services (a proposes, b agrees)."""

    def share(couple, a, b, counsellor) -> Share:
        with django_capture_on_commit_callbacks(execute=True):
            proposal = share_propose(couple=couple, user=a, counsellor=counsellor)
            return share_agree(share=proposal, user=b)

    return share
