from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import models


class ObjectiveInline(admin.TabularInline):
    model = models.Objective
    extra = 0


class RequirementInline(admin.TabularInline):
    model = models.Requirement
    extra = 0


class MilestoneInline(admin.TabularInline):
    model = models.Milestone
    extra = 0


@admin.register(models.Programme)
class ProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "start_year", "end_year"]
    prepopulated_fields = {"slug": ["code"]}
    filter_horizontal = ["secretariat"]
    inlines = [ObjectiveInline, RequirementInline, MilestoneInline]


class ParagraphInline(admin.TabularInline):
    model = models.SolutionParagraph
    extra = 0


@admin.register(models.SolutionGroup)
class SolutionGroupAdmin(admin.ModelAdmin):
    list_display = ["programme", "number", "title"]
    list_filter = ["programme"]
    inlines = [ParagraphInline]


class LeadInline(admin.TabularInline):
    model = models.KeyTaskLead
    extra = 0
    autocomplete_fields = ["agency"]


class CoordinatorInline(admin.TabularInline):
    model = models.KeyTaskCoordinator
    extra = 0
    autocomplete_fields = ["agency"]


@admin.register(models.KeyTask)
class KeyTaskAdmin(SimpleHistoryAdmin):
    list_display = ["programme", "number", "short_title", "status", "progress", "deadline"]
    list_filter = ["programme", "status"]
    search_fields = ["title"]
    inlines = [LeadInline, CoordinatorInline]

    @admin.display(description="title")
    def short_title(self, obj):
        return obj.title[:80]


@admin.register(models.ImplementingBody)
class ImplementingBodyAdmin(admin.ModelAdmin):
    list_display = ["programme", "number", "title"]
    filter_horizontal = ["agencies"]


for model in (models.RoadmapPhase, models.Footnote, models.BaselineFact, models.AssessmentParagraph):
    admin.site.register(model)
