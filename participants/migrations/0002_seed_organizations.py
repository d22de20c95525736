"""The organizations that train together, as reference data every installation needs."""

from django.db import migrations

ORGANIZATIONS = [
    # acronym, name, kind, website, monogram colour
    ("DPPA", "UN Department of Political and Peacebuilding Affairs", "un", "https://dppa.un.org", "#1b4f8a"),
    ("DPO", "UN Department of Peace Operations", "un", "https://peacekeeping.un.org", "#17557b"),
    ("UNDP", "United Nations Development Programme", "un", "https://www.undp.org", "#0b4f8c"),
    ("UNITAR", "United Nations Institute for Training and Research", "un", "https://unitar.org", "#245b7a"),
    ("UNSSC", "United Nations System Staff College", "un", "https://www.unssc.org", "#1d4e74"),
    ("AUC", "African Union Commission", "regional", "https://au.int", "#2f6b2f"),
    ("EEAS", "European Union — European External Action Service", "regional", "https://www.eeas.europa.eu", "#1f3f8f"),
    ("OAS", "Organization of American States", "regional", "https://www.oas.org", "#204a87"),
    ("OSCE", "Organization for Security and Co-operation in Europe", "regional", "https://www.osce.org", "#2a4d69"),
    ("LAS", "League of Arab States", "regional", "http://www.leagueofarabstates.net", "#256b45"),
    ("OIC", "Organisation of Islamic Cooperation", "regional", "https://www.oic-oci.org", "#276749"),
    ("ASEAN", "Association of Southeast Asian Nations", "regional", "https://asean.org", "#1e4f9a"),
    ("PIF", "Pacific Islands Forum", "regional", "https://www.forumsec.org", "#14597a"),
    ("ECOWAS", "Economic Community of West African States", "subregional", "https://ecowas.int", "#3d6b21"),
    ("IGAD", "Intergovernmental Authority on Development", "subregional", "https://igad.int", "#5a4a1a"),
    ("SADC", "Southern African Development Community", "subregional", "https://www.sadc.int", "#1f5c66"),
    ("ECCAS", "Economic Community of Central African States", "subregional", "https://ceeac-eccas.org", "#5b3a6e"),
    ("EAC", "East African Community", "subregional", "https://www.eac.int", "#2d5a3d"),
    ("CARICOM", "Caribbean Community", "subregional", "https://caricom.org", "#6b3a2a"),
    ("SICA", "Central American Integration System", "subregional", "https://www.sica.int", "#2d4f7c"),
]


def seed(apps, schema_editor):
    Organization = apps.get_model("participants", "Organization")
    for acronym, name, kind, website, colour in ORGANIZATIONS:
        Organization.objects.get_or_create(
            acronym=acronym,
            defaults={"name": name, "kind": kind, "website": website, "colour": colour},
        )


class Migration(migrations.Migration):
    dependencies = [("participants", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
