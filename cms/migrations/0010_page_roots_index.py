"""An index for the one look-up of Wagtail's page tree that every admin screen makes and
that grew with the catalogue: the root pages (``Page.get_first_root_node()``, behind the
explorer's menu item), ``WHERE depth = 1 ORDER BY path``. Treebeard indexes no depth,
so it read the whole page table: 9 ms at 5,000 courses (30,000 pages), 1 ms at 500.
Partial, so it holds the one root row and costs nothing to keep."""

from django.db import migrations

INDEX = "cms_page_tree_roots"


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0009_drop_indexes_that_repeat_another"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {INDEX} ON wagtailcore_page (path) WHERE depth = 1",
            f"DROP INDEX {INDEX}",
        ),
    ]
