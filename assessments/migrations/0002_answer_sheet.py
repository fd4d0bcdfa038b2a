"""Response becomes AnswerSheet ("response" collided with HTTP responses everywhere)."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("couples", "0001_initial"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="response", name="one_response_per_person_per_checkup"),
        migrations.RemoveConstraint(model_name="answer", name="one_answer_per_item"),
        migrations.RemoveConstraint(model_name="safetyanswer", name="one_safety_answer_per_item"),
        migrations.RemoveConstraint(model_name="safetyanswer", name="safety_value_in_range"),
        migrations.RenameModel(old_name="Response", new_name="AnswerSheet"),
        migrations.AlterField(
            model_name="answersheet",
            name="checkup",
            field=models.ForeignKey(
                on_delete=models.deletion.CASCADE, related_name="answer_sheets", to="assessments.checkup"
            ),
        ),
        migrations.AlterField(
            model_name="answersheet",
            name="user",
            field=models.ForeignKey(
                on_delete=models.deletion.CASCADE, related_name="answer_sheets", to=settings.AUTH_USER_MODEL
            ),
        ),
        migrations.RenameField(model_name="answer", old_name="response", new_name="sheet"),
        migrations.RenameField(model_name="safetyanswer", old_name="response", new_name="sheet"),
        migrations.AddConstraint(
            model_name="answersheet",
            constraint=models.UniqueConstraint(
                fields=("checkup", "user"), name="one_answer_sheet_per_person_per_checkup"
            ),
        ),
        migrations.AddConstraint(
            model_name="answer",
            constraint=models.UniqueConstraint(fields=("sheet", "item_id"), name="one_answer_per_item"),
        ),
        migrations.AddConstraint(
            model_name="safetyanswer",
            constraint=models.UniqueConstraint(fields=("sheet", "item_id"), name="one_safetyanswer_per_item"),
        ),
        migrations.AddConstraint(
            model_name="safetyanswer",
            constraint=models.CheckConstraint(
                condition=models.Q(("value__gte", 1), ("value__lte", 5)), name="safetyanswer_value_in_range"
            ),
        ),
    ]
