"""Users and groups, as Django's own admin has them, with the tracker's readable selections.

Registered after django.contrib.auth's admin (it comes first in INSTALLED_APPS), so these
replace its registrations.
"""

from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth.models import Group, User

from cooperation.admin.base import ReadableSelectionMixin

admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class UserAdmin(ReadableSelectionMixin, auth_admin.UserAdmin):
    pass


@admin.register(Group)
class GroupAdmin(ReadableSelectionMixin, auth_admin.GroupAdmin):
    pass
