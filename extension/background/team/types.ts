import type { ConnectionView } from '../../messaging/teamViews';

/**
 * The connection to the team's worker, kept in the background's IndexedDB only: what extension
 * pages see of it (`ConnectionView`) and the token.
 */
export interface Connection extends ConnectionView {
  token: string;
}
