"""Names in three scripts in the admin: search by any of them, and find the missing ones."""

from django.contrib import admin

from cooperation.models.base import linked_names_contain, names_contain


class NameSearchMixin:
    """The changelist's search (and every autocomplete) also finds a row by any name, in
    any script, of itself or of the rows `name_search_paths` lead to ("" for the row itself,
    "origin__" for a visit's origin): the term is folded like the stored search keys, so
    東莞 finds 东莞 and "tel aviv" finds Tel-Aviv. The paths follow single-valued links only,
    so no row is listed twice; many-valued ones are `name_search_rows`: (row model, its
    field naming this row, paths from the row), matched with EXISTS."""

    name_search_paths: tuple[str, ...] = ()
    name_search_rows: tuple[tuple, ...] = ()

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if not search_term.strip():
            return results, may_have_duplicates
        if self.name_search_paths:
            results |= queryset.filter(names_contain(search_term, *self.name_search_paths))
        for row_model, owner, *paths in self.name_search_rows:
            results |= queryset.filter(linked_names_contain(row_model, owner, search_term, *paths))
        return results, may_have_duplicates


class MissingNameFilter(admin.SimpleListFilter):
    """Rows that lack their Chinese or their Hebrew name: what a reader of that script
    would not find."""

    title = "name missing in"
    parameter_name = "missing_name"
    FIELDS = {"zh": "name_zh", "he": "name_he"}

    def lookups(self, request, model_admin):
        return [("zh", "Chinese"), ("he", "Hebrew")]

    def queryset(self, request, queryset):
        field = self.FIELDS.get(self.value())
        return queryset.filter(**{field: ""}) if field else queryset
