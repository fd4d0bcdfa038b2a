import pytest
from django.core.management import call_command

from accounts.models import User
from couples.selectors import couple_active_for, couple_partner

pytestmark = pytest.mark.django_db


def test_the_demo_command_makes_a_linked_verified_couple_and_can_run_twice():
    call_command("demo")
    call_command("demo")

    sam = User.objects.get(email="sam@demo.attune.test")
    alex = User.objects.get(email="alex@demo.attune.test")
    couple = couple_active_for(user=sam)
    assert couple is not None
    assert couple_partner(couple=couple, user=sam) == alex
    assert sam.emailaddress_set.get().verified
    assert sam.check_password("attune-demo-2026")
