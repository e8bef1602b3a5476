def remove_nth_from_end(head: ListNode | None, n: int) -> ListNode | None:
    def nodes_after(node):
        count = 0
        while node.next:
            count += 1
            node = node.next
        return count

    if nodes_after(head) == n - 1:
        return head.next
    prev = head
    while prev.next:
        if nodes_after(prev.next) == n - 1:
            prev.next = prev.next.next
            break
        prev = prev.next
    return head
