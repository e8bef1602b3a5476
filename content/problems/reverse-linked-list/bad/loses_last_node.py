def reverse_list(head: ListNode | None) -> ListNode | None:
    if head is None:
        return None
    prev = None
    curr = head
    while curr.next:
        nxt = curr.next
        curr.next = prev
        prev = curr
        curr = nxt
    return prev
