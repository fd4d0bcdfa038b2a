import factory
from allauth.account.models import EmailAddress

from accounts.models import User

PASSWORD = "a-long-test-passphrase"


class UserFactory(factory.django.DjangoModelFactory):
    """A person with a verified primary email, able to invite and be invited."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(obj: User, create: bool, extracted: bool | None, **kwargs: object) -> None:
        if create:
            EmailAddress.objects.create(
                user=obj, email=obj.email, primary=True, verified=extracted is not False
            )


class CounsellorFactory(factory.django.DjangoModelFactory):
    """A person who has declared a counsellor profile (nothing verified)."""

    class Meta:
        model = "counsellors.CounsellorProfile"

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Counsellor {n}")
    practice = "Riverside Couples Practice"
    website = "https://riverside.example.org"
