from accounts.models import User
from core.rows import from_columns


def test_an_instance_from_columns_reads_only_what_it_was_not_given(db, django_assert_num_queries):
    user = User.objects.create_user("nguoi-dung", password="mat-khau-12345", email="nd@example.vn")
    with django_assert_num_queries(0):
        made = from_columns(User, username="nguoi-dung", id=user.pk)  # any order
        assert (made.pk, made.username, made._state.adding) == (user.pk, "nguoi-dung", False)
    with django_assert_num_queries(1):
        assert made.email == "nd@example.vn"
