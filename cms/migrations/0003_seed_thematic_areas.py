from django.db import migrations

AREAS = [
    ("conflict-prevention", "Conflict prevention",
     "Addressing the root causes and triggers of violent conflict before it erupts."),
    ("preventive-diplomacy", "Preventive diplomacy",
     "Diplomatic action to keep disputes from escalating: good offices, envoys, quiet diplomacy."),
    ("mediation", "Mediation",
     "Helping parties in conflict negotiate agreements they can accept and implement."),
    ("early-warning", "Early warning and conflict analysis",
     "Reading the signs of rising tension and turning analysis into timely response."),
    ("electoral-assistance", "Electoral assistance",
     "Supporting credible elections and preventing election-related violence."),
    ("policy-organs", "Support to policy organs",
     "Serving the councils and committees that take peace and security decisions."),
    ("women-peace-security", "Women, peace and security",
     "Women's full, equal and meaningful participation in peace processes."),
    ("peacebuilding", "Peacebuilding and sustaining peace",
     "Dialogue, institutions and trust that help societies stay at peace."),
]


def seed(apps, schema_editor):
    ThematicArea = apps.get_model("cms", "ThematicArea")
    for slug, name, description in AREAS:
        ThematicArea.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )


class Migration(migrations.Migration):
    dependencies = [("cms", "0002_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
