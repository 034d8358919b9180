import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Funder } from './funder.entity';
import { PublicCall } from './public-call.entity';

/** What other features ask about funders and public calls, one named method per question. */
@Injectable()
export class FundersRepository {
  constructor(private readonly dataSource: DataSource) {}

  findFunder(id: number, em: EntityManager = this.dataSource.manager): Promise<Funder | null> {
    return em.findOneBy(Funder, { id });
  }

  findCall(id: number, em: EntityManager = this.dataSource.manager): Promise<PublicCall | null> {
    return em.findOneBy(PublicCall, { id });
  }

  funderExists(id: number, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    return em.existsBy(Funder, { id });
  }

  publicCallExists(id: number, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    return em.existsBy(PublicCall, { id });
  }

  /** Ids of the funders with these codes; unknown codes are absent. */
  async funderIdsByCode(codes: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, number>> {
    if (codes.length === 0) return new Map();
    const rows = await em.find(Funder, { select: { id: true, code: true }, where: { code: In([...codes]) } });
    return new Map(rows.map((f) => [f.code, f.id]));
  }
}
