"""Sittings generated as "Day N" stored those words in the language of whoever created
the session (a French coordinator then read "Day 1"). They now store no title and are
called by ``Meeting.label``, translated when shown: blank the generated titles.

Only a title that is nothing but the generated words and a number is blanked (in the
interface's languages); a title a coordinator wrote ("Day 1: opening") stays.
"""

from django.db import migrations

GENERATED = (
    r"^\s*(Day|Jour|Día|Dia|День|اليوم)\s*[0-9]+\s*$"  # en, fr, es, pt, ru, ar
    r"|^\s*第\s*[0-9]+\s*天\s*$"  # zh
)


def blank_generated_titles(apps, schema_editor):
    Meeting = apps.get_model("courses", "Meeting")
    Meeting.objects.filter(title__iregex=GENERATED).update(title="")


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0009_evaluation"),
    ]

    operations = [
        migrations.RunPython(blank_generated_titles, migrations.RunPython.noop, elidable=True),
    ]
