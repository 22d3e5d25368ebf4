import { Resource, Role } from '@impact/contracts';
import { importableEntities } from '../../imports/import-rules';

export interface NavItem {
  path: string;
  /** Translation key of the label. */
  label: string;
  icon: string;
  /** Shown when `may(role, resource, 'read')`, unless `shown` decides. */
  resource: Resource;
  /** For a page that needs more than reading its resource. */
  shown?: (role: Role) => boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/dashboard', label: 'nav.dashboard', icon: 'dashboard', resource: 'dashboard' },
  { path: '/my-work', label: 'nav.myWork', icon: 'task_alt', resource: 'followUps' },
  { path: '/cities', label: 'nav.cities', icon: 'location_city', resource: 'cities' },
  { path: '/engagements', label: 'nav.engagements', icon: 'groups', resource: 'engagements' },
  { path: '/commitments', label: 'nav.commitments', icon: 'handshake', resource: 'commitments' },
  { path: '/follow-ups', label: 'nav.followUps', icon: 'event_upcoming', resource: 'followUps' },
  { path: '/story-desk', label: 'nav.stories', icon: 'auto_stories', resource: 'stories' },
  { path: '/partners', label: 'partners.heading', icon: 'diversity_3', resource: 'partners' },
  {
    path: '/imports',
    label: 'nav.imports',
    icon: 'input',
    // Imports write records (cities first); `shown` decides from every importable entity.
    resource: 'cities',
    shown: (role) => importableEntities(role).length > 0,
  },
  { path: '/users', label: 'nav.users', icon: 'manage_accounts', resource: 'users' },
  { path: '/admin/outbox', label: 'nav.outbox', icon: 'outbox', resource: 'outbox' },
];
