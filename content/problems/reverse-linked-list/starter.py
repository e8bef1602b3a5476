def reverse_list(head: ListNode | None) -> ListNode | None:
    """Return the head of the list reversed (the old last node first)."""
    raise NotImplementedError
