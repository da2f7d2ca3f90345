import { Badge } from '@fluentui/react-components';

/**
 * The mark of a deadline passed without the step done: the same on the Jubiläen page and the start
 * page. Its own module: the start page loads it at once, without the jubilee cells (and the API's
 * schemas they import).
 */
export function OverdueBadge() {
  return (
    <Badge appearance="filled" color="danger">
      überfällig
    </Badge>
  );
}
