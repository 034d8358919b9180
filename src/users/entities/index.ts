import { UserFunder, UserOrganisation, UserProject } from './user-assignment.entity';
import { User } from './user.entity';

export { User, UserFunder, UserOrganisation, UserProject };

/** The users module's entities, spread into ENTITIES in src/database/entities.ts. */
export const USER_ENTITIES = [User, UserProject, UserOrganisation, UserFunder];
