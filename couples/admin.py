from django.contrib import admin

from couples.models import Couple, Invitation, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    readonly_fields = ("user", "joined_at", "is_active")
    can_delete = False


@admin.register(Couple)
class CoupleAdmin(admin.ModelAdmin):
    list_display = ("pk", "created_at", "dissolved_at")
    list_filter = ("dissolved_at",)
    inlines = [MembershipInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("pk", "inviter", "state", "created_at", "expires_at")
    # The token hash and the personal message stay out of staff screens.
    exclude = ("token_hash", "message")
    readonly_fields = (
        "inviter",
        "email",
        "created_at",
        "sent_at",
        "accepted_at",
        "declined_at",
        "accepted_by",
        "couple",
    )
    search_fields = ("email",)
