from django.urls import path

from . import views

app_name = "research_tasks"
urlpatterns = [
    path("research-tasks/", views.home, name="home"),
    path("research-tasks/rules/", views.rules, name="rules"),
    path("research-tasks/feed/", views.feed, name="feed"),
    path("research-tasks/feed/<str:key>/<int:year>/", views.feed_records, name="feed-records"),
    path("research-tasks/tasks/", views.task_list, name="tasks"),
    path("research-tasks/tasks/<int:pk>/", views.task_detail, name="task"),
    path("research-tasks/tasks/<int:pk>/call/", views.task_call_open, name="task-call"),
    path("research-tasks/tasks/<int:pk>/assign/", views.task_assign, name="task-assign"),
    path("research-tasks/tasks/<int:pk>/outputs/", views.task_output_link, name="task-outputs"),
    path("research-tasks/tasks/<int:pk>/applications/", views.task_application, name="task-applications"),
    path("research-tasks/tasks/<int:pk>/acceptance/", views.task_acceptance_open, name="task-acceptance"),
    path("research-tasks/tasks/<int:pk>/councils/<str:kind>/new/", views.council_create, name="council-create"),
    path("research-tasks/tasks/<int:pk>/contract/new/", views.contract_create, name="contract-create"),
    path("research-tasks/orders/", views.order_calls, name="order-calls"),
    path("research-tasks/orders/<int:pk>/", views.order_call, name="order-call"),
    path("research-tasks/orders/<int:pk>/propose/", views.order_propose, name="order-propose"),
    path("research-tasks/orders/<int:pk>/merge/", views.order_merge, name="order-merge"),
    path("research-tasks/orders/<int:pk>/approve/", views.order_approve, name="order-approve"),
    path(
        "research-tasks/orders/<int:pk>/proposals/<int:proposal_id>/include/", views.order_include, name="order-include"
    ),
    path(
        "research-tasks/orders/<int:pk>/proposals/<int:proposal_id>/decline/", views.order_decline, name="order-decline"
    ),
    path("research-tasks/calls/", views.calls, name="calls"),
    path("research-tasks/calls/<int:pk>/", views.call_detail, name="call"),
    path("research-tasks/calls/<int:pk>/register/", views.call_register, name="call-register"),
    path("research-tasks/dossiers/", views.dossiers, name="dossiers"),
    path("research-tasks/dossiers/<int:pk>/", views.dossier_detail, name="dossier"),
    path("research-tasks/dossiers/<int:pk>/save/", views.dossier_save, name="dossier-save"),
    path("research-tasks/dossiers/<int:pk>/attach/", views.dossier_attach, name="dossier-attach"),
    path("research-tasks/dossiers/<int:pk>/submit/", views.dossier_submit, name="dossier-submit"),
    path("research-tasks/dossiers/<int:pk>/check/", views.dossier_check, name="dossier-check"),
    path("research-tasks/councils/", views.councils, name="councils"),
    path("research-tasks/councils/<int:pk>/", views.council_detail, name="council"),
    path("research-tasks/councils/<int:pk>/decide/", views.council_decide, name="council-decide"),
    path("research-tasks/councils/<int:pk>/minutes.docx", views.council_minutes, name="council-minutes"),
    path("research-tasks/councils/<int:pk>/dossiers/<int:dossier_id>/", views.council_dossier, name="council-dossier"),
    path(
        "research-tasks/councils/<int:pk>/dossiers/<int:dossier_id>/declare/",
        views.council_declare,
        name="council-declare",
    ),
    path(
        "research-tasks/councils/<int:pk>/dossiers/<int:dossier_id>/score/", views.council_score, name="council-score"
    ),
    path(
        "research-tasks/councils/<int:pk>/sheets/<int:sheet_id>/explain/", views.council_explain, name="council-explain"
    ),
    path("research-tasks/contracts/<int:pk>/", views.contract_detail, name="contract"),
    path("research-tasks/contracts/<int:pk>/progress/", views.contract_progress, name="contract-progress"),
    path("research-tasks/contracts/<int:pk>/inspections/", views.contract_inspection, name="contract-inspection"),
    path("research-tasks/contracts/<int:pk>/inspections/plan/", views.contract_schedule, name="contract-schedule"),
    path("research-tasks/contracts/<int:pk>/changes/", views.contract_change, name="contract-change"),
    path("research-tasks/contracts/<int:pk>/disbursements/", views.contract_disburse, name="contract-disburse"),
    path("research-tasks/changes/<int:pk>/decide/", views.change_decide, name="change-decide"),
    path("research-tasks/milestones/<int:pk>/done/", views.milestone_done, name="milestone-done"),
    path("research-tasks/products/<int:pk>/deliver/", views.product_deliver, name="product-deliver"),
]
