import { Global, Module } from '@nestjs/common';
import { PlacesRepository } from './places.repository';

/** Global: every records module asks it where a record sits. */
@Global()
@Module({ providers: [PlacesRepository], exports: [PlacesRepository] })
export class PlacesModule {}
