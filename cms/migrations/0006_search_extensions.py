from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """Catalogue search forgives accents and case (unaccent) and typos (pg_trgm).

    Both are trusted extensions (PostgreSQL 13+): the database owner may create them.
    """

    dependencies = [("cms", "0005_labelled_editor_fields")]

    operations = [UnaccentExtension(), TrigramExtension()]
