import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organisation } from '../../organisations/organisation.entity';
import { Project } from '../../projects/entities/project.entity';
import { User } from './user.entity';

/**
 * A project assigned to a project manager or an auditor. Goes with the user or the project: a
 * deleted project's deletion is in the audit trail, and the assignment means nothing without it.
 */
@Entity('user_project')
export class UserProject {
  @PrimaryColumn({ type: 'integer' })
  userId: number;

  @PrimaryColumn({ type: 'integer' })
  projectId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Project;
}

/** An organisation a coordinator coordinates: they see every project it leads or partners in. */
@Entity('user_organisation')
export class UserOrganisation {
  @PrimaryColumn({ type: 'integer' })
  userId: number;

  @PrimaryColumn({ type: 'integer' })
  organisationId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: Organisation;
}
