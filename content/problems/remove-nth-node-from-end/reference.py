def remove_nth_from_end(head: ListNode | None, n: int) -> ListNode | None:
    dummy = ListNode(0, head)  # gives the head a predecessor, so removing it is not special
    lead: ListNode | None = dummy
    for _ in range(n + 1):  # n + 1 nodes between them: trail stops just before the target
        assert lead is not None
        lead = lead.next
    trail = dummy
    while lead is not None:
        lead = lead.next
        trail = trail.next  # type: ignore[assignment]
    trail.next = trail.next.next  # type: ignore[union-attr]
    return dummy.next
