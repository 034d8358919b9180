import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { IndicatorComment } from './entities/indicator-comment.entity';

/** Every query on indicator_comment. */
@Injectable()
export class CommentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByIndicator(indicatorId: number, year?: number): Promise<IndicatorComment[]> {
    return this.dataSource.manager.find(IndicatorComment, { where: { indicatorId, ...(year === undefined ? {} : { year }) }, order: { id: 'ASC' } });
  }

  insert(em: EntityManager, row: Omit<IndicatorComment, 'id' | 'indicator'>): Promise<IndicatorComment> {
    return em.save(IndicatorComment, em.create(IndicatorComment, row));
  }
}
