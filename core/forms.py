from django.core.exceptions import ValidationError


def call_service(form, service, **kwargs):
    """Run a service with a valid form's data; its ValidationError lands on the form's fields.

    Returns the service's result, or None when the service refused (nothing was written:
    services run in a transaction).
    """
    try:
        return service(**kwargs)
    except ValidationError as exc:
        errors = exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}
        for field, messages in errors.items():
            target = field if field in form.fields else None
            for message in messages:
                form.add_error(target, message)
        return None
