import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ORGANISATION_KINDS = ['ngo', 'public_institute', 'company', 'municipality', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

@Entity('organisation')
export class Organisation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 300, unique: true })
  name: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  shortName: string | null;

  @Column({ type: 'varchar', length: 30 })
  kind: OrganisationKind;

  @Column({ type: 'varchar', length: 20, nullable: true })
  registrationNumber: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  place: string | null;

  /** Who signs reports for the organisation (odgovorna oseba), and in which role. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  responsiblePerson: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  responsibleRole: string | null;
}
