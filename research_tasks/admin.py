from django.contrib import admin

from . import models


@admin.register(models.RuleSet)
class RuleSetAdmin(admin.ModelAdmin):
    list_display = ["name", "citation", "effective_from", "pass_threshold", "max_deviation"]


@admin.register(models.ResearchTask)
class ResearchTaskAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "year", "mode", "stage", "pi", "host"]
    list_filter = ["stage", "mode", "year"]
    search_fields = ["code", "title"]
    raw_id_fields = ["pi", "host", "team", "outputs", "order_item"]


class CouncilMemberInline(admin.TabularInline):
    model = models.CouncilMember
    raw_id_fields = ["researcher"]
    extra = 0


@admin.register(models.Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "meeting_date", "status", "ruleset"]
    inlines = [CouncilMemberInline]


for model in (models.OrderCall, models.OrderProposal, models.SelectionCall, models.Dossier, models.Contract):
    admin.site.register(model)
