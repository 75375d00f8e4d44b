"""Attach who and why to the history row that django-simple-history writes on save."""


def save_with_history(instance, *, actor, reason: str = "", **save_kwargs) -> None:
    instance._history_user = actor if actor is not None and actor.is_authenticated else None
    instance._change_reason = reason
    instance.full_clean()
    instance.save(**save_kwargs)
