/** What the popup and options page say when the admin installed SecureJoin but no readable policy arrived (PolicyState `unreadable`). */
export const UNREADABLE_POLICY = "Your administrator's SecureJoin policy could not be read";
