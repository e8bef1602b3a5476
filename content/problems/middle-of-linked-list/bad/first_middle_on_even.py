def middle_node(head: ListNode | None) -> ListNode | None:
    if head is None:
        return None
    slow = fast = head
    while fast.next and fast.next.next:
        slow = slow.next
        fast = fast.next.next
    return slow
