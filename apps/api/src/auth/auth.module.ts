import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';

/** Routes and services arrive with their feature issues; the repositories are ready. */
@Module({
  imports: [TypeOrmModule.forFeature([RefreshTokenEntity])],
  exports: [TypeOrmModule],
})
export class AuthModule {}
