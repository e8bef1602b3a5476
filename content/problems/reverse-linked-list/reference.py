def reverse_list(head: ListNode | None) -> ListNode | None:
    previous: ListNode | None = None
    current = head
    while current is not None:
        # Turn current's arrow around, then step forward along the part not yet reversed.
        current.next, previous, current = previous, current, current.next
    return previous
