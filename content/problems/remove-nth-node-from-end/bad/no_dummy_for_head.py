def remove_nth_from_end(head: ListNode | None, n: int) -> ListNode | None:
    fast = slow = head
    for _ in range(n):
        fast = fast.next
    while fast.next:
        fast = fast.next
        slow = slow.next
    slow.next = slow.next.next
    return head
